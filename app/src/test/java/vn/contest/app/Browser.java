package vn.contest.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium driven by Selenium, with nothing fetched from the internet. */
final class Browser {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browser() {}

    /**
     * A phone-sized headless Chromium. On a developer machine without Chromium the test is skipped; in CI
     * (CI=true, where .ci/run installs it) a missing browser fails the run instead of passing it quietly.
     */
    static WebDriver phone() throws IOException {
        return start("412,915");
    }

    /** A desktop-sized window, as in a provincial office. */
    static WebDriver desktop() throws IOException {
        return start("1280,900");
    }

    /**
     * A viewport of exactly the given size in CSS pixels, e.g. 390x844 (a common phone). Headless Chromium keeps a
     * window at least 500 pixels wide, so the size is emulated as a device's (a phone's below 700 pixels).
     */
    static WebDriver sized(int width, int height) throws IOException {
        WebDriver d = start(Math.max(width, 500) + "," + height);
        ((ChromeDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 700));
        return d;
    }

    private static WebDriver start(String windowSize) throws IOException {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + windowSize, "--lang=vi",
                "--user-data-dir=" + Files.createTempDirectory("chrome-profile"));
        return new ChromeDriver(service, options);
    }
}
