package vn.contest.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;
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
        Path profile = Files.createTempDirectory("chrome-profile");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + windowSize, "--lang=vi", "--user-data-dir=" + profile);
        return new ProfiledChrome(service, options, profile);
    }

    /** A Chromium whose profile folder (a few megabytes, one per browser a test opens) goes when the test quits it. */
    private static final class ProfiledChrome extends ChromeDriver {
        private final Path profile;

        ProfiledChrome(ChromeDriverService service, ChromeOptions options, Path profile) {
            super(service, options);
            this.profile = profile;
        }

        @Override
        public void quit() {
            try {
                super.quit();
            } finally {
                // Quietly: a Chromium process still closing may hold a file a moment longer; a test does not fail on it.
                FileUtils.deleteQuietly(profile.toFile());
            }
        }
    }
}
