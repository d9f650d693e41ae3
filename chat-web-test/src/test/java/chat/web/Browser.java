package chat.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One user's headless Chromium (Debian's {@code chromium} driven by its {@code chromedriver}, which
 * ops/services.sh installs), with a profile of its own, so each browser has its own localStorage. The methods
 * do what a user does on the page, by its ids and data attributes, and every wait has a time limit.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String name;
    private final ChromeDriver driver;

    private Browser(String name, ChromeDriver driver) {
        this.name = name;
        this.driver = driver;
    }

    static Browser open(String name, String url) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("these tests need Debian's chromium and chromium-driver at " + CHROMIUM
                    + " and " + DRIVER + ": ops/test.sh installs them (apt-get install chromium chromium-driver)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: the tests run as root in CI; /dev/shm is small in containers.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1200,760", "--lang=en-US", "--no-first-run", "--disable-extensions");
        Browser browser = new Browser(name, new ChromeDriver(service, options));
        browser.driver.get(url);
        return browser;
    }

    String name() {
        return name;
    }

    /** Registers on the login screen and waits until logged in; returns the new user's id. */
    int register(String user, String password) {
        waitFor(d -> d.findElement(By.id("login")).isDisplayed() && !d.findElement(By.id("status")).isDisplayed());
        type(By.id("login-name"), user);
        type(By.id("login-password"), password);
        driver.findElement(By.id("register-button")).click();
        return awaitLoggedIn();
    }

    /** Waits for the app (after a login, reload or reconnect) and returns the user's id. */
    int awaitLoggedIn() {
        waitFor(d -> d.findElement(By.id("app")).isDisplayed() && !d.findElement(By.id("status")).isDisplayed()
                && !d.findElement(By.id("me-id")).getText().isEmpty());
        return Integer.parseInt(driver.findElement(By.id("me-id")).getText().substring(1));
    }

    void addFriend(String user) {
        type(By.id("friend-name"), user);
        driver.findElement(By.cssSelector("#add-friend button")).click();
        waitFor(d -> d.findElement(By.id("action-result")).getText().contains("is now your friend"));
    }

    /** Creates a group and returns its id, as the result line and the group list show it. */
    int createGroup(String groupName) {
        type(By.id("group-name"), groupName);
        driver.findElement(By.cssSelector("#create-group button")).click();
        String result = waitFor(d -> {
            String text = d.findElement(By.id("action-result")).getText();
            return text.contains("others join with its id") ? text : null;
        });
        return Integer.parseInt(result.substring(result.lastIndexOf(' ') + 1));
    }

    void joinGroup(int groupId) {
        type(By.id("group-id"), Integer.toString(groupId));
        driver.findElement(By.cssSelector("#join-group button")).click();
        waitFor(d -> d.findElement(By.id("action-result")).getText().startsWith("Joined"));
    }

    /** The contact's entry in the list, once it is there. */
    WebElement contact(String kind, int id) {
        By entry = By.cssSelector("li.contact[data-kind='" + kind + "'][data-id='" + id + "']");
        return waitFor(d -> d.findElements(entry).isEmpty() ? null : d.findElement(entry));
    }

    boolean isOnline(String kind, int id) {
        return !contact(kind, id).findElements(By.cssSelector(".dot.online")).isEmpty();
    }

    void awaitOnline(String kind, int id, boolean online) {
        waitFor(d -> isOnline(kind, id) == online);
    }

    /** The unread count shown on a contact, 0 without a badge. */
    int unread(String kind, int id) {
        List<WebElement> badge = contact(kind, id).findElements(By.className("badge"));
        return badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText());
    }

    void awaitUnread(String kind, int id, int count) {
        waitFor(d -> unread(kind, id) == count);
    }

    void openConversation(String kind, int id) {
        contact(kind, id).click();
        waitFor(d -> d.findElement(By.id("composer")).isDisplayed()
                && d.findElements(By.cssSelector("#messages li.start")).stream()
                        .noneMatch(li -> li.getText().startsWith("Loading")));
    }

    /**
     * Types and sends a chat. ChromeDriver types only characters of the Basic Multilingual Plane (Chinese is
     * there, emoji are not), so text with an emoji is put in the box as a paste would, then sent with Enter.
     */
    void send(String text) {
        WebElement draft = driver.findElement(By.id("draft"));
        if (text.codePoints().allMatch(Character::isBmpCodePoint)) {
            draft.sendKeys(text);
        } else {
            ((JavascriptExecutor) driver).executeScript(
                    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", draft, text);
        }
        draft.sendKeys("\n");
        waitFor(d -> messages().contains(text) && d.findElements(By.cssSelector("#messages li.message:not([data-mid])"))
                .isEmpty());
    }

    void awaitMessage(String text) {
        waitFor(d -> messages().contains(text));
    }

    /** The texts of the chats shown in the open conversation, oldest first. */
    List<String> messages() {
        return driver.findElements(By.cssSelector("#messages li.message .text")).stream()
                .map(WebElement::getText).toList();
    }

    /** The mids of the chats shown, oldest first. */
    List<String> mids() {
        return driver.findElements(By.cssSelector("#messages li.message")).stream()
                .map(li -> li.getDomAttribute("data-mid")).toList();
    }

    /** Scrolls the open conversation to its top, as a reader looking for older chats does. */
    void scrollToTop() {
        ((JavascriptExecutor) driver).executeScript("document.getElementById('messages').scrollTop = 0;");
    }

    void reload() {
        driver.navigate().refresh();
    }

    /** Back to the contact list on a phone-sized screen. */
    void back() {
        driver.findElement(By.id("back")).click();
        waitFor(d -> d.findElement(By.id("side")).isDisplayed());
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    String title() {
        return driver.getTitle();
    }

    void screenshot(String file) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(file), driver.getScreenshotAs(OutputType.BYTES));
    }

    private void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> name + "'s page did not get there; it shows:\n" + pageText())
                .until(condition);
    }

    private String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
