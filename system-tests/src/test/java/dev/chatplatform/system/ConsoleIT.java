package dev.chatplatform.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web console in a real browser: headless Chromium from Debian's packages (chromium, chromium-driver,
 * which scripts/test.sh installs), driven through chromedriver. It opens an application by its token,
 * opens a chat, sends a message and sees it in the chat, sees a message posted by another client arrive,
 * and searches. Every wait is bounded, and the browser is closed whatever happens.
 */
@ExtendWith(PlatformExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ConsoleIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHAT_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("CHAT_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** The inbox is read from the database: a new chat shows once the worker persisted it (and the console polled). */
    private static final Duration WORKER_LAG = Duration.ofSeconds(60);

    private static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "ConsoleIT skipped: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                        + ". scripts/test.sh installs Debian's chromium and chromium-driver; this machine could not.");
        Path logs = Platform.logDirectory();
        profile = Files.createTempDirectory("console-it-chromium");
        ChromeOptions options = new ChromeOptions();
        // Both given explicitly, so Selenium Manager never looks for (or downloads) a browser or driver.
        options.setBinary(CHROMIUM.toFile());
        // No background traffic: this machine's network reaches only the package registries.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logs.resolve("chromedriver.log").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void opensAnApplicationByTokenSendsAMessageAndSeesItInTheChat(Platform platform) throws IOException {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String tag = TestData.tag();
        String token = client.createApp(TestData.appName("console"));
        client.putUser(token, "ada", "Ada Lovelace", "+441234567890");
        client.putUser(token, "agent-7", "Support", null);
        String title = "Order " + tag;
        long chat = client.newChat(token, title, List.of("ada", "agent-7"));
        assertThat(client.postMessageAs(token, chat, "Where is my parcel " + tag + "?", "ada").status()).isEqualTo(201);
        // User content is shown as text, never run as markup.
        String markup = "<img src=x onerror=\"document.title='xss'\"> <b>bold</b> " + tag;
        assertThat(client.postMessageAs(token, chat, markup, "ada").status()).isEqualTo(201);

        String api = client.base().toString();
        browser.get(api + "/console");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
        wait.until(ExpectedConditions.urlToBe(api + "/console/"));
        WebElement tokenField = wait.until(ExpectedConditions.elementToBeClickable(By.id("token")));
        tokenField.sendKeys("no-such-token-" + tag + "-0000000000");
        browser.findElement(By.id("open-app")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "No application has that token"));
        assertThat(browser.findElement(By.id("workspace")).isDisplayed()).isFalse();
        tokenField.clear();
        tokenField.sendKeys(token);
        browser.findElement(By.id("open-app")).click();

        WebElement chatItem = new WebDriverWait(browser, WORKER_LAG, Duration.ofMillis(200)).until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#chat-list li[data-number='" + chat + "']")));
        assertThat(browser.findElement(By.id("app-name")).getText()).startsWith("sys-console-");
        assertThat(chatItem.getText()).contains(title);
        chatItem.click();
        wait.until(ExpectedConditions.textToBe(By.id("chat-title"), title));
        wait.until(bodies(bodies -> bodies.contains("Where is my parcel " + tag + "?")));
        assertThat(bodies().apply(browser)).contains(markup);
        assertThat(browser.findElements(By.cssSelector("#messages img, #messages b"))).as("markup in a body").isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Chat console");

        browser.findElement(By.id("composer-sender")).sendKeys("agent-7");
        String sent = "On its way, " + tag + ": it left the depot this morning.";
        browser.findElement(By.id("composer-body")).sendKeys(sent);
        browser.findElement(By.id("send")).click();
        wait.until(bodies(bodies -> bodies.contains(sent)));
        WebElement mine = browser.findElement(By.xpath(
                "//ol[@id='messages']/li[div[@class='body' and text()=" + xpathLiteral(sent) + "]]"));
        assertThat(mine.findElement(By.className("sender")).getText()).isEqualTo("agent-7");
        assertThat(browser.findElement(By.id("composer-body")).getDomProperty("value")).as("composer cleared").isEmpty();
        assertThat(client.listAllMessages(token, chat).values()).as("the API has what the console sent").contains(sent);

        // React from the console, as the user in the "as" field (the quick reactions show on hover).
        String number = mine.getDomAttribute("data-number");
        new Actions(browser).moveToElement(mine).perform();
        mine.findElement(By.cssSelector("button.reaction.quick[data-type='like']")).click();
        wait.until(driver -> ((JavascriptExecutor) driver).executeScript("const chip = document.querySelector("
                + "`#messages li[data-number='${arguments[0]}'] button.reaction:not(.quick)[data-type='like']`);"
                + "return chip !== null && chip.textContent.endsWith(' 1')", number));
        assertThat(client.getMessage(token, chat, Long.parseLong(number)).json().get("reaction_counts").get("like").asInt())
                .isEqualTo(1);

        // Another client's message arrives without a reload: through the event socket, or the poll without it.
        String fromElsewhere = "Thanks! " + tag;
        assertThat(client.postMessageAs(token, chat, fromElsewhere, "ada").status()).isEqualTo(201);
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(200))
                .until(bodies(bodies -> bodies.contains(fromElsewhere)));
        assertThat(bodies().apply(browser)).as("oldest first, in number order")
                .containsSubsequence("Where is my parcel " + tag + "?", markup, sent, fromElsewhere);

        screenshot("console-chat.png");

        // Search in the chat: the worker indexes asynchronously, so search again until the index has it.
        new WebDriverWait(browser, WORKER_LAG, Duration.ofSeconds(1)).until(driver -> {
            WebElement q = driver.findElement(By.id("chat-q"));
            q.clear();
            q.sendKeys("DEPOT");
            driver.findElement(By.cssSelector("#chat-search button[type='submit']")).click();
            return (Boolean) ((JavascriptExecutor) driver).executeScript("return [...document.querySelectorAll("
                    + "'#results li.message .body')].some(body => body.textContent === arguments[0])", sent);
        });

        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return sessionStorage.getItem('chat-console.token')")).isEqualTo(token);
        assertThat(js.executeScript("return localStorage.length")).as("nothing kept beyond the tab").isEqualTo(0L);
        screenshot("console-search.png");
    }

    private static Function<WebDriver, Boolean> bodies(java.util.function.Predicate<List<String>> condition) {
        return driver -> condition.test(bodies().apply(driver));
    }

    /** The bodies the chat shows, oldest first, read in one go: the console redraws changed messages as they arrive. */
    @SuppressWarnings("unchecked")
    private static Function<WebDriver, List<String>> bodies() {
        return driver -> (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#messages li.message .body')].map(body => body.textContent)");
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
    }

    /** Kept next to the API's logs, to look at what the console showed. */
    private static void screenshot(String name) throws IOException {
        Path logs = Platform.logDirectory();
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), logs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
