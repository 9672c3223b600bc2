package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvCommandTest {

    @TempDir
    Path folder;

    /** What a real shell makes of {@code eval "x=<quoted>"}: the text itself, and no command run. */
    private String throughTheShell(String text) throws Exception {
        Path pwned = folder.resolve("pwned");
        Path word = Files.writeString(folder.resolve("word"), EnvCommand.quoted(text.replace("PWNED", pwned.toString())));
        Process shell = new ProcessBuilder("sh", "-c", "x=$(cat \"$1\"); eval \"y=$x\"; printf %s \"$y\"", "sh",
                word.toString()).start();
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(shell.waitFor(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(pwned), "a command ran for " + text);
        return out.replace(pwned.toString(), "PWNED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "x'; touch PWNED; '", "$(touch PWNED)", "`touch PWNED`", "a\"b", "back\\slash",
        "'", "''", "new\nline; touch PWNED"})
    void item4_everyValueComesOutOfEvalAsItWent(String hostile) throws Exception {
        assertEquals(hostile, throughTheShell(hostile));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x'; touch /tmp/pwned; '", "short", "abcdefghijklmnopqrstuvw$", "abcdefghijklmnopqrstuvwxy",
        "abcdefghijklmnop/../../x"})
    void item4_anIdThatIsNot24LettersAndDigitsIsRefused(String id) {
        assertFalse(NxJson.isWellFormedId(id), id);
    }

    @Test
    void realIdsAreAccepted() {
        assertTrue(NxJson.isWellFormedId("abcdefghijklmnopqrstuvwx"));
        assertTrue(NxJson.isWellFormedId("64c3ae4a0d71c0b54a0f0b4d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://x'; touch /tmp/pwned; '", "http://h/$(id)", "http://user@h", "http://h/?q=1",
        "http://h/#x", "ftp://h", "javascript:alert(1)", "http://h:99999999", "http://h/a b", "http://h/`id`"})
    void item4_aServerAddressWithAnythingButPlainUrlCharactersIsRefused(String url) {
        assertThrows(Failure.class, () -> new Server(url), url);
    }

    @Test
    void plainAddressesAreAccepted() {
        assertEquals("https://gatehouse.example.org/base", new Server("https://gatehouse.example.org/base/").url());
        assertEquals("http://127.0.0.1:8080", new Server(" http://127.0.0.1:8080 ").url());
    }

    @Test
    void item8_theApprovalAddressMustBeOnTheServersOwnOrigin() {
        Server server = new Server("http://127.0.0.1:8080");
        assertTrue(server.owns("http://127.0.0.1:8080/approve?code=WDJB-MJHT"));
        assertFalse(server.owns("http://127.0.0.1:8081/approve?code=WDJB-MJHT"));
        assertFalse(server.owns("https://127.0.0.1:8080/approve"));
        assertFalse(server.owns("http://evil.example/approve"));
        assertFalse(server.owns("http://127.0.0.1:8080@evil.example/approve"));
        assertFalse(server.owns("not an address"));
    }
}
