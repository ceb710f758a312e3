#!/usr/bin/env python3
"""Two people, each signed in from the invitation the real SMTP server received, carry a pair
from interest to an approved project in headless Chromium.

Usage: pipeline-flow.py BASE_URL MAILDIR SCREENSHOT_DIR NGO_ADDRESS PROVINCE_ADDRESS
Flow: the NGO's person (MCNV) follows her invitation's link, says "we can help" on Cao Bằng's
need cao-bang-1; the province's person follows his, receives the request's notice by mail,
opens it from the mail's link, accepts, writes on the thread, builds the dossier (a PDF for
each document, every opinion marked done), submits it and records the approval decision. The
NGO's person then sees the pair approved, with its history, and the move's notice reached her.
Each page is checked with axe-core. Prints one JSON report; exits 1 on any failure. Run by the
Swift tests (PipelineBrowserTests) from the environment .ci/run creates.
"""
import json
import os
import re
import sys
import tempfile
import traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browsing
from browsing import browser, submit, wait_for

BASE, MAILDIR, SHOTS, NGO_ADDRESS, PROVINCE_ADDRESS = sys.argv[1:6]
NEED = "cao-bang-1"
PAIR = f"/pipeline/{NEED}/mcnv"
report = {"steps": [], "axe": [], "ok": False}


def step(driver, name):
    browsing.step(driver, report, os.path.join(SHOTS, f"pipeline-{len(report['steps']) + 1:02d}-{name}.png"), name)


def mail(address, subject_part):
    return browsing.newest_mail(MAILDIR, address, subject_part)


def link_in(message):
    """The message's link, on this server: invitations written by the CLI name the default address."""
    text = message.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+", text).group(0)
    return re.sub(r"^https?://[^/]+", BASE, link)


def sign_in_from_invitation(driver, address, who):
    link = link_in(mail(address, "invit"))
    driver.get(link)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"), who)


def ngo_offers(driver):
    sign_in_from_invitation(driver, NGO_ADDRESS, "Anna de Vries")
    driver.get(BASE + f"/needs/{NEED}")
    driver.find_element(By.ID, "help-message").send_keys("We run maternal health programmes in the northern uplands.")
    driver.find_element(By.ID, "help-amount").send_keys("250000")
    driver.find_element(By.ID, "help-timeframe").send_keys("2027–2028")
    step(driver, "we-can-help")
    submit(driver, driver.find_element(By.XPATH, "//form[@action='/interest']//button"), "Sent.")
    step(driver, "request-sent")
    report["request"] = driver.current_url


def province_accepts_and_approves(driver):
    sign_in_from_invitation(driver, PROVINCE_ADDRESS, "Nông Văn Minh")
    notice = mail(PROVINCE_ADDRESS, "would like to work with you")
    body = notice.get_body(("plain",)).get_content()
    assert "How ngomatch scores this match" in body, "the notice explains the match"
    driver.get(link_in(notice))
    wait_for(driver, "We run maternal health programmes")
    assert "Contact details are shown here once" in driver.page_source or "once the request is accepted" in driver.page_source
    step(driver, "request-received")
    submit(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Accept']"), "Accepted.")
    assert "mailto:" in driver.page_source, "contacts show once accepted"
    driver.find_element(By.ID, "thread-text").send_keys("Could you send your concept note by January?")
    submit(driver, driver.find_element(By.XPATH, "//form[contains(@action,'/message')]//button"), "Message sent.")
    step(driver, "accepted-with-thread")
    driver.get(BASE + PAIR)
    pdf = os.path.join(tempfile.mkdtemp(), "document.pdf")
    with open(pdf, "wb") as handle:
        handle.write(b"%PDF-1.4\n% ngomatch browser test\n")
    items = [element.get_attribute("id")[len("item-"):]
             for element in driver.find_elements(By.CSS_SELECTOR, "ul.dossier li")]
    assert len(items) == 10, f"ten dossier items, not {items}"
    for item in items:
        box = driver.find_element(By.ID, f"item-{item}")
        if "opinion" not in box.text:
            box.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(pdf)
        submit(driver, driver.find_element(By.ID, f"item-{item}").find_element(By.XPATH, ".//button[1]"),
               "Marked done.")
    step(driver, "dossier-done")
    Select(driver.find_element(By.ID, "move-stage")).select_by_value("dossier-submitted")
    submit(driver, driver.find_element(By.XPATH, "//form[contains(@action,'/move')]//button"), "Moved to")
    Select(driver.find_element(By.ID, "move-stage")).select_by_value("approved")
    driver.find_element(By.ID, "decision-number").send_keys("1234/QĐ-UBND")
    date = driver.find_element(By.ID, "decision-date")
    driver.execute_script("arguments[0].value = '2026-11-20'", date)
    driver.find_element(By.ID, "authority").send_keys("Ủy ban nhân dân tỉnh Cao Bằng")
    submit(driver, driver.find_element(By.XPATH, "//form[contains(@action,'/move')]//button"), "Moved to “Approved”.")
    step(driver, "approved")


def ngo_sees_it(driver):
    driver.get(BASE + PAIR)
    wait_for(driver, "1234/QĐ-UBND")
    assert "<strong>Approved</strong>" in driver.page_source
    step(driver, "ngo-sees-approval")
    moved = mail(NGO_ADDRESS, "Approved")
    report["movedNotice"] = str(moved["Subject"])


anna, minh = browser(), browser()
try:
    ngo_offers(anna)
    province_accepts_and_approves(minh)
    ngo_sees_it(anna)
    report["ok"] = not report["axe"]
except Exception:
    report["error"] = traceback.format_exc()
    anna.save_screenshot(os.path.join(SHOTS, "pipeline-failure-ngo.png"))
    minh.save_screenshot(os.path.join(SHOTS, "pipeline-failure-province.png"))
finally:
    anna.quit()
    minh.quit()
print(json.dumps(report, ensure_ascii=False))
sys.exit(0 if report["ok"] else 1)
