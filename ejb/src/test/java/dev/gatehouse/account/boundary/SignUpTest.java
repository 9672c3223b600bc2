package dev.gatehouse.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.common.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SignUpTest {

    private static final String GOOD_PASSWORD = "correct horse battery";

    private static Map<String, String> problemsOf(SignUp form) {
        return form.problems().stream().collect(Collectors.toMap(Problem::field, Problem::message));
    }

    @Test
    void aCompleteFormHasNoProblems() {
        assertTrue(new SignUp("ada", "ada@example.org", GOOD_PASSWORD, GOOD_PASSWORD).problems().isEmpty());
    }

    @Test
    void everyEmptyFieldIsNamed() {
        Map<String, String> problems = problemsOf(new SignUp(" ", "", null, ""));
        assertEquals(Map.of(
                SignUp.USERNAME_FIELD, "Enter a username.",
                SignUp.EMAIL_FIELD, "Enter an email address.",
                SignUp.PASSWORD_FIELD, "Enter a password.",
                SignUp.PASSWORD_REPEAT_FIELD, "Enter the password a second time."), problems);
    }

    @Test
    void aPasswordOfElevenCharactersIsTooShortAndTwelveIsEnough() {
        assertEquals(List.of(SignUp.PASSWORD_FIELD), fields(new SignUp("ada", "ada@example.org", "12345678901", "12345678901")));
        assertTrue(new SignUp("ada", "ada@example.org", "123456789012", "123456789012").problems().isEmpty());
    }

    @Test
    void mismatchedPasswordsAreReportedOnTheRepeatField() {
        assertEquals(List.of(SignUp.PASSWORD_REPEAT_FIELD),
                fields(new SignUp("ada", "ada@example.org", GOOD_PASSWORD, GOOD_PASSWORD + "!")));
    }

    @Test
    void malformedUsernameAndEmailAreReported() {
        assertEquals(List.of(SignUp.USERNAME_FIELD, SignUp.EMAIL_FIELD),
                fields(new SignUp("a@b", "not-an-email", GOOD_PASSWORD, GOOD_PASSWORD)));
        assertEquals(List.of(SignUp.USERNAME_FIELD),
                fields(new SignUp("x".repeat(41), "ada@example.org", GOOD_PASSWORD, GOOD_PASSWORD)));
    }

    private static List<String> fields(SignUp form) {
        return form.problems().stream().map(Problem::field).toList();
    }
}
