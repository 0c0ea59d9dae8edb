"""Fixtures for the browser tests: one app server per session, Debian's Chromium, loopback only.

Playwright drives ``/usr/bin/chromium`` (never a downloaded browser). When it is missing the
tests fail in CI (``CI`` set) and skip elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, Route, sync_playwright
from streamlit_server import CHROMIUM, CHROMIUM_ARGS, streamlit_server

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def is_loopback(url: str) -> bool:
    """True for loopback http(s)/ws(s) URLs and for in-page data: and blob: URLs."""
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.hostname in LOOPBACK


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def app_url(chromium_path: str) -> Iterator[str]:
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class RequestLog:
    """Every URL a page asked for; anything off loopback is recorded and blocked."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

    @staticmethod
    def guard(route: Route) -> None:
        if is_loopback(route.request.url):
            route.continue_()
        else:
            route.abort()

    def off_loopback(self) -> list[str]:
        return [url for url in self.urls if not is_loopback(url)]


def open_page(browser: Browser, url: str, log: RequestLog) -> Page:
    """A fresh browser context (its own Streamlit session) at 1400×900, logging every request."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    context.on("request", log.record)
    context.route("**/*", RequestLog.guard)
    page = context.new_page()
    page.goto(url)
    return page


@pytest.fixture
def request_log() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page(browser: Browser, app_url: str, request_log: RequestLog) -> Iterator[Page]:
    opened = open_page(browser, app_url, request_log)
    yield opened
    opened.context.close()
