#!/usr/bin/env python3
"""Drives `ngomatch web` in headless Chromium, as a planner and an NGO office would.

Usage: web-flows.py BASE_URL PROVINCE_TOKEN NGO_TOKEN NGO_ID SCREENSHOT_DIR MINISTRY_TOKEN MAILDIR
Flows: a Cao Bằng planner signs in, registers a need with one mistake, fixes it, sees the
ranked NGOs and an explanation, records a partnership; an NGO office signs in, edits its
certificate and finds that need among "needs we could serve"; ministry staff import a file with
one bad record, see it reported and fix it, and on the dashboard the new needs' unit has the colour
of its class in the legend and the table; then the demo
meeting event: Cao Bằng and the NGO say when they cannot meet and whom they want to meet, the
ministry publishes, Cao Bằng declines a meeting, the ministry replans, sees the difference and
the proposed grid before publishing,
and Cao Bằng's agenda prints on one A4 page; last, three pages on a phone's 390 × 844 screen
fit its width (their screenshots are the README's phone pictures); and by mail: the ministry
invites a person on the people page, the invitation arrives at the SMTP server that keeps its
messages in MAILDIR, its HTML is shown as it renders, and its link signs the person in. Each page is checked with
axe-core; a serious or critical violation fails the run. Prints one JSON report; exits 1 on
any failure. Run by the Swift tests (WebBrowserTests) from the environment .ci/run creates.
"""
import base64
import json
import os
import re
import sys
import traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browsing
from browsing import browser, submit

BASE, PROVINCE_TOKEN, NGO_TOKEN, NGO_ID, SHOTS, MINISTRY_TOKEN, MAILDIR = sys.argv[1:8]
TITLE = "Commune health stations in Hà Quảng"
report = {"steps": [], "axe": [], "ok": False}


def step(driver, name):
    browsing.step(driver, report, os.path.join(SHOTS, f"{len(report['steps']) + 1:02d}-{name}.png"), name)


def xpath_literal(text):
    """The text as an XPath string literal, whatever quotes it holds."""
    if "'" not in text:
        return f"'{text}'"
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def visible(driver, text, why):
    """Asserts that a person sees `text`: an element whose own text holds it is displayed, not
    merely present in the page's source."""
    found = driver.find_elements(By.XPATH, f"//*[text()[contains(normalize-space(.), {xpath_literal(text)})]]")
    assert any(element.is_displayed() for element in found), f"{why}: '{text}' is not shown"


def beside(driver, error_id, field_xpath, why):
    """Asserts that the error is shown inside the field's own box, next to what it is about."""
    error = driver.find_element(By.ID, error_id)
    assert error.is_displayed() and error.text.strip(), f"{why}: the error is not shown"
    box = driver.find_element(By.XPATH, field_xpath)
    assert box.find_elements(By.ID, error_id), f"{why}: the error is not in its field's box"
    top, bottom = box.rect["y"], box.rect["y"] + box.rect["height"]
    assert top <= error.rect["y"] <= bottom, f"{why}: the error is drawn away from its field"
    return error.text.strip()


def phone(driver):
    """A phone's screen (390 × 844): the pages a delegation opens on the day fit its width,
    and what they need to read is shown."""
    driver.set_window_size(390, 844)
    try:
        for path, name, text in (("/needs/cao-bang-1?lang=vi", "phone-need-vi", "Maternal and child health"),
                                 ("/events/gap-go-2026/agenda?participant=cao-bang", "phone-agenda", "Cao Bằng"),
                                 ("/needs?lang=vi", "phone-needs-vi", "Nhu cầu")):
            driver.get(BASE + path)
            visible(driver, text, name)
            width = driver.execute_script("return document.documentElement.scrollWidth")
            inner = driver.execute_script("return document.documentElement.clientWidth")
            assert width <= inner, f"{name}: the page is {width} px wide on a {inner} px screen"
            step(driver, name)
    finally:
        driver.set_window_size(1280, 1000)


def sign_in(driver, token):
    driver.get(BASE + "/signin")
    driver.find_element(By.CSS_SELECTOR, "details summary").click()
    driver.find_element(By.ID, "token").send_keys(token)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "details form button[type=submit]"), "Signed in.")


def planner(driver):
    sign_in(driver, PROVINCE_TOKEN)
    visible(driver, "Province: Cao Bằng", "signed in as the province")
    step(driver, "planner-needs")
    driver.get(BASE + "/needs/new")
    driver.find_element(By.ID, "title").send_keys(TITLE)
    driver.find_element(By.ID, "fundingGapUSD").send_keys("250000")
    for field, value in (("start", "2026-03-01"), ("end", "2027-12-31")):
        driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", field, value)
    driver.find_element(By.CSS_SELECTOR, "input[name=targetGroups][value=women]").click()
    # The mistake: no sector chosen.
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.record-form button[type=submit]"), "Choose at least one sector")
    assert driver.find_element(By.ID, "title").get_attribute("value") == TITLE, "what was typed is kept"
    said = beside(driver, "sectors-error", "//fieldset[.//*[@id='sectors-error']]", "the missing sector")
    assert said == "Choose at least one sector and give it a level.", said
    step(driver, "planner-form-with-mistake")
    health = driver.find_element(By.XPATH, "//details[summary[normalize-space()='Health']]")
    health.find_element(By.TAG_NAME, "summary").click()
    Select(driver.find_element(By.ID, "sector-health.primary-care")).select_by_value("5")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.record-form button[type=submit]"), "Registered need")
    visible(driver, TITLE, "the registered need")
    ranked = driver.find_elements(By.CSS_SELECTOR, "ol.ranked > li")
    assert ranked, "NGOs are ranked for the new need"
    ranked[0].find_element(By.TAG_NAME, "summary").click()
    step(driver, "planner-need-ranked")
    report["need"] = driver.current_url.rsplit("/", 1)[-1]
    Select(ranked[0].find_element(By.CSS_SELECTOR, "select[name=status]")).select_by_value("agreed")
    submit(driver, ranked[0].find_element(By.CSS_SELECTOR, "form.record button"), "Recorded:")
    step(driver, "planner-partnership")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.inline button.link"), "Sign in with a token instead")


def ngo_office(driver):
    sign_in(driver, NGO_TOKEN)
    driver.get(f"{BASE}/ngos/{NGO_ID}/edit")
    expires = driver.find_element(By.ID, "certExpires")
    driver.execute_script("arguments[0].value = '2028-12-31'", expires)
    driver.execute_script("document.getElementById('certIssued').value = '2026-01-01'")
    areas = driver.find_element(By.ID, "certAreas")
    areas.clear()
    areas.send_keys("Cao Bằng; Hà Giang")
    step(driver, "ngo-certificate-form")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.record-form button[type=submit]"), "Saved.")
    driver.get(f"{BASE}/ngos/{NGO_ID}/needs")
    visible(driver, TITLE, "the new need is among the needs it could serve")
    step(driver, "ngo-needs-we-could-serve")
    driver.get(f"{BASE}/ngos/{NGO_ID}/needs?lang=vi")
    visible(driver, "Nhu cầu chúng tôi có thể hỗ trợ", "the Vietnamese heading")
    step(driver, "ngo-needs-vietnamese")


def map_class(driver, unit):
    """A unit's figure, class and fill on the open-needs map, checked against the legend."""
    driver.get(BASE + "/dashboard?measure=openNeeds")
    fill = driver.find_element(By.CSS_SELECTOR, f'path[data-unit="{unit}"]').get_attribute("fill")
    row = driver.find_element(By.XPATH, f"//table//a[@href='/needs?province={unit}']/ancestor::tr")
    cells = row.find_elements(By.TAG_NAME, "td")
    label = cells[2].get_attribute("textContent").strip()
    swatches = {item.get_attribute("textContent").strip(): item.find_element(By.TAG_NAME, "rect").get_attribute("fill")
                for item in driver.find_elements(By.CSS_SELECTOR, ".map-legend li")}
    assert swatches.get(label) == fill, f"{unit} is drawn {fill}, its class '{label}' is {swatches.get(label)}"
    return {"figure": cells[1].get_attribute("textContent").strip(), "class": label, "fill": fill}


def upload(driver, path, expect):
    driver.get(BASE + "/admin/import")
    driver.find_element(By.ID, "files").send_keys(path)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "button[value=import]"), expect)


def ministry(driver):
    """Imports a file with one bad record, sees it reported, fixes it; the new need's unit then
    has the class of its new figure on the map, the colour its class has in the legend."""
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.inline button.link"), "Sign in with a token instead")
    sign_in(driver, MINISTRY_TOKEN)
    driver.get(BASE + "/dashboard?measure=openNeeds")
    empty = [row.find_element(By.TAG_NAME, "a").get_attribute("href").split("province=")[1]
             for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
             if row.find_elements(By.TAG_NAME, "a")
             and row.find_elements(By.TAG_NAME, "td")[1].get_attribute("textContent").split()[0] == "0"]
    assert empty, "no unit without open needs to import one into"
    unit = empty[0]
    before = map_class(driver, unit)
    rows = ["type,id,province,title,sectors,fundingGapUSD,timeframe.start,timeframe.end",
            f"need,browser-import-1,{unit},Safe water for commune schools,water.drinking-water:5,90000,2027-01-01,2027-12-31",
            f"need,browser-import-2,{unit},Flood early warning,climat.disaster-risk-reduction:4,40000,2027-01-01,2027-12-31"]
    path = os.path.join(SHOTS, "import-needs.csv")
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write("\r\n".join(rows) + "\r\n")
    upload(driver, path, "Nothing was imported")
    problems = driver.find_element(By.ID, "import-problems").get_attribute("textContent")
    assert "import-needs.csv line 3" in problems and "did you mean" in problems, problems
    step(driver, "ministry-import-refused")
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write("\r\n".join(rows).replace("climat.", "climate.") + "\r\n")
    upload(driver, path, "2 needs")
    step(driver, "ministry-import-done")
    after = map_class(driver, unit)
    assert after["figure"].split()[0] == "2" and after["fill"] != before["fill"], f"{before} then {after}"
    report["imported"] = {"unit": unit, "before": before, "after": after}
    report["caoBang"] = map_class(driver, "cao-bang")
    step(driver, "ministry-dashboard")
    driver.get(BASE + "/dashboard?measure=unservedNeeds&lang=vi")
    visible(driver, "Nhu cầu chưa tổ chức nào có thể nhận", "the Vietnamese dashboard")
    step(driver, "ministry-dashboard-vietnamese")


def switch_to(driver, token):
    """Signs out whoever is signed in, then in with `token`."""
    driver.get(BASE + "/")
    buttons = driver.find_elements(By.CSS_SELECTOR, "form.inline button.link")
    if buttons:
        submit(driver, buttons[0], "Sign in with a token instead")
    sign_in(driver, token)


def event(driver):
    page = BASE + "/events/gap-go-2026"
    switch_to(driver, PROVINCE_TOKEN)
    driver.get(page)
    driver.find_element(By.CSS_SELECTOR, 'input[name=unavailable][value="0"]').click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, 'form[action$="/availability"] button'), "Saved when Cao Bằng")
    Select(driver.find_element(By.ID, "to")).select_by_value(NGO_ID)
    driver.find_element(By.ID, "reason").send_keys("commune health stations")
    submit(driver, driver.find_element(By.CSS_SELECTOR, 'form[action$="/wish"] button'), "Wish saved.")
    step(driver, "province-event-answers")
    switch_to(driver, NGO_TOKEN)
    driver.get(page)
    driver.find_element(By.CSS_SELECTOR, 'input[name=unavailable][value="1"]').click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, 'form[action$="/availability"] button'), "Saved when")
    assert "commune health stations" not in driver.page_source, "an NGO does not see a province's wishes"
    switch_to(driver, MINISTRY_TOKEN)
    driver.get(page)
    visible(driver, "commune health stations", "the ministry reads every wish")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Plan and publish: preliminary')]"), "Plan 1:")
    step(driver, "ministry-event-published")
    switch_to(driver, PROVINCE_TOKEN)
    driver.get(page)
    declines = driver.find_elements(By.CSS_SELECTOR, "#answers button[value=decline]")
    assert declines, "Cao Bằng has meetings to answer"
    submit(driver, declines[0], "is declined")
    switch_to(driver, MINISTRY_TOKEN)
    driver.get(page)
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Plan (not published)')]"), "not published yet")
    assert "Against the published schedule" in driver.page_source
    report["preview"] = driver.find_element(By.ID, "changes-heading").find_element(By.XPATH, "..").text
    assert driver.find_elements(By.CSS_SELECTOR, "table.grid tbody td small.why"), "meetings show their reason"
    step(driver, "ministry-event-preview")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Plan and publish: final')]"), "Plan 3:")
    assert "Against the published schedule" in driver.page_source
    report["replan"] = driver.find_element(By.CSS_SELECTOR, "[role=status], .notice").text \
        if driver.find_elements(By.CSS_SELECTOR, "[role=status], .notice") else ""
    step(driver, "ministry-event-replanned")
    switch_to(driver, PROVINCE_TOKEN)
    driver.get(page + "/agenda?participant=cao-bang")
    step(driver, "province-agenda")
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    data = base64.b64decode(pdf["data"])
    report["agendaPages"] = len(re.findall(rb"/Type\s*/Page[^s]", data))


def invited(address):
    """The newest message the relay kept for `address`."""
    return browsing.newest_mail(MAILDIR, address, seconds=20)


def by_mail(driver):
    """The ministry invites a planner; the planner follows the invitation's link."""
    switch_to(driver, MINISTRY_TOKEN)
    driver.get(BASE + "/people")
    address = "hoa.tran@caobang.example.vn"
    driver.find_element(By.ID, "email").send_keys(address)
    driver.find_element(By.ID, "name").send_keys("Trần Thị Hoa")
    driver.find_element(By.ID, "for").send_keys("province:Cao Bang")
    Select(driver.find_element(By.ID, "language")).select_by_value("en")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.record-form button[type=submit]"),
           "the invitation is on its way")
    step(driver, "person-invited")
    message = invited(address)
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+", text).group(0)
    assert f'href="{link}"' in html, "the HTML part's button leads where the text's link does"
    shown = os.path.join(SHOTS, "invitation.html")
    with open(shown, "w", encoding="utf-8") as handle:
        handle.write(html)
    driver.set_window_size(720, 900)
    driver.get("file://" + shown)
    driver.save_screenshot(os.path.join(SHOTS, "invitation-mail.png"))
    driver.set_window_size(1280, 1000)
    # The person's own browser: nobody is signed in there.
    driver.get(BASE + "/signin")
    driver.delete_all_cookies()
    driver.get(link)
    visible(driver, "Sign in as Trần Thị Hoa (Cao Bằng).", "the link's page names whom it signs in")
    step(driver, "sign-in-link")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"), "Trần Thị Hoa · Cao Bằng")
    step(driver, "signed-in-by-mail")
    report["signedInBy"] = address
    # Their inbox, and how each kind of notice reaches them.
    driver.get(BASE + "/inbox")
    Select(driver.find_element(By.ID, "setting-event-reminder")).select_by_value("weekly")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.record-form button[type=submit]"), "Saved.")
    step(driver, "inbox")


driver = browser()
try:
    planner(driver)
    ngo_office(driver)
    ministry(driver)
    event(driver)
    phone(driver)
    by_mail(driver)
    report["ok"] = not report["axe"]
except Exception:
    report["error"] = traceback.format_exc()
    driver.save_screenshot(os.path.join(SHOTS, "failure.png"))
finally:
    driver.quit()
print(json.dumps(report, ensure_ascii=False))
sys.exit(0 if report["ok"] else 1)
