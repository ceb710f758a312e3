"""What the browser checks share: a headless Chromium, a step that saves a screenshot and asks
axe-core for serious problems, a submit that waits for the next page, and mail as a reader
parses it from the test relay's folder."""

import email
import email.policy
import glob
import os
import time

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--lang=en-US"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def step(driver, report, path, name):
    """Saves the page's screenshot at `path` and records axe-core's serious and critical findings."""
    driver.save_screenshot(path)
    axe = Axe(driver)
    axe.inject()
    serious = [v for v in axe.run()["violations"] if v.get("impact") in ("serious", "critical")]
    report["steps"].append({"step": name, "url": driver.current_url, "title": driver.title})
    for violation in serious:
        report["axe"].append({"step": name, "id": violation["id"], "help": violation["help"],
                              "nodes": [n.get("target") for n in violation["nodes"]][:5]})


def wait_for(driver, text):
    WebDriverWait(driver, 20).until(lambda d: text in d.page_source)


def gone(element):
    """Whether the page holding `element` was replaced; Chromium says so in more than one way."""
    try:
        element.tag_name
        return False
    except WebDriverException:
        return True


def submit(driver, button, expect):
    """Clicks and waits for the next page, not the one still showing: each save says the same."""
    page = driver.find_element("tag name", "html")
    button.click()
    WebDriverWait(driver, 20).until(lambda d: gone(page))
    wait_for(driver, expect)


def newest_mail(maildir, address, subject_part="", seconds=30):
    """The newest message for `address` whose subject holds `subject_part`, as a mail reader parses it."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        for path in sorted(glob.glob(os.path.join(maildir, "new", "*.eml")), key=os.path.getmtime, reverse=True):
            with open(path, "rb") as handle:
                message = email.message_from_binary_file(handle, policy=email.policy.default)
            if address in str(message["To"]) and subject_part in str(message["Subject"]):
                return message
        time.sleep(0.1)
    raise AssertionError(f"no message{' ' + repr(subject_part) if subject_part else ''} reached {address}")
