package uk.sectorgraph.api.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Debian Chromium driven by chromedriver, with downloads, screenshots and console capture. */
final class ExplorerBrowser implements AutoCloseable {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  final ChromeDriver driver;
  final Path downloads;
  final Path screenshots;
  private final Path profile;
  private int shot;

  static void assumeInstalled() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
        "Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
  }

  ExplorerBrowser(String screenshotFolder) throws IOException {
    profile = Files.createTempDirectory("explorer-chromium-");
    downloads = Files.createTempDirectory("explorer-downloads-");
    screenshots = Path.of("target", screenshotFolder);
    Files.createDirectories(screenshots);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1600,1000", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false,
        "profile.default_content_setting_values.automatic_downloads", 1));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", true));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  /** Waits for the page to be initialised and no GraphQL request to be in flight. */
  void settle() {
    waitUpTo(120).until(d -> "true".equals(js("return document.body.dataset.ready"))
        && !"true".equals(js("return document.body.dataset.busy")));
  }

  @SuppressWarnings("unchecked")
  List<String> visibleNodeIds() {
    return new ArrayList<>((List<String>) js("return window.explorer.visibleNodeIds()"));
  }

  Path screenshot(String name) throws IOException {
    Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** Waits for a finished download (no .crdownload) whose name starts with the prefix. */
  Path download(String name) {
    return download(name, 30);
  }

  Path download(String name, int seconds) {
    return waitUpTo(seconds).until(d -> {
      Path file = downloads.resolve(name);
      try {
        return Files.exists(file) && Files.size(file) > 0 && !Files.exists(downloads.resolve(name + ".crdownload"))
            ? file : null;
      } catch (IOException e) {
        return null;
      }
    });
  }

  List<LogEntry> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
  }

  @SuppressWarnings("unchecked")
  List<String> pageErrors() {
    return (List<String>) js("return window.__explorerErrors || []");
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
      deleteQuietly(downloads);
    }
  }

  private static void deleteQuietly(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
