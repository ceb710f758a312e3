// A few conveniences; every page works without them.
document.addEventListener("DOMContentLoaded", function () {
  // Filters apply as soon as a choice changes.
  document.querySelectorAll("select.autosubmit").forEach(function (select) {
    select.addEventListener("change", function () { if (select.form) select.form.submit(); });
  });
  // After a refused form, take the reader to the list of problems.
  var problems = document.getElementById("problems");
  if (problems) problems.focus();
  // Print every explanation when printing.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (details) { details.open = true; });
  });
});
