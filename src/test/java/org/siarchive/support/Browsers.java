package org.siarchive.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Debian's Chromium driven by Playwright, and the console login as a user would do it. */
public final class Browsers {

    private Browsers() {}

    public static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic")));
    }

    /** Fills the login form; when the TOTP step appears, types the code the supplier gives. */
    public static void login(Page page, String base, String username, String password, Supplier<String> totp) {
        page.navigate(base + "/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
        page.waitForLoadState();
        if (page.url().contains("/login/totp")) {
            page.fill("#code", totp.get());
            page.click("#totp-submit");
            page.waitForLoadState();
        }
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}
