package dev.gatehouse.common.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.boundary.SignUp;
import dev.gatehouse.cache.web.CacheBacking;
import dev.gatehouse.organization.boundary.MembershipService;
import dev.gatehouse.organization.boundary.OrganizationService;
import dev.gatehouse.token.boundary.WorkspaceTokenService;
import dev.gatehouse.token.control.TokenMint;
import dev.gatehouse.workspace.boundary.WorkspaceService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A refusal names its field by the client id of the page's input ({@link Messages#show}): an input
 * renamed without its constant would silently turn the message next to the field into one at the top
 * of the page. Each field a service or backing bean names is an input of a page, in a form that does
 * not prefix its ids.
 */
class FieldIdsTest {

    private static final Path PAGES = Path.of("src", "main", "webapp");

    @ParameterizedTest
    @ValueSource(strings = {SignUp.USERNAME_FIELD, SignUp.EMAIL_FIELD, SignUp.PASSWORD_FIELD, SignUp.PASSWORD_REPEAT_FIELD,
            WorkspaceService.NAME_FIELD, WorkspaceService.CACHE_LIMIT_FIELD, WorkspaceTokenService.NAME_FIELD,
            TokenMint.NAME_FIELD, OrganizationService.NAME_FIELD, MembershipService.LOGIN_FIELD,
            CacheBacking.HASH_FIELD})
    void eachFieldARefusalNamesIsAnInputWhoseClientIdIsThatName(String field) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> pages = Files.list(PAGES)) {
            for (Path page : pages.filter(file -> file.toString().endsWith(".xhtml")).toList()) {
                String source = Files.readString(page);
                Matcher input = Pattern.compile("<h:input\\w+[^>]*\\sid=\"" + Pattern.quote(field) + "\"").matcher(source);
                while (input.find()) {
                    String form = source.substring(source.lastIndexOf("<h:form", input.start()));
                    found.add(page.getFileName() + (form.substring(0, form.indexOf('>')).contains("prependId=\"false\"")
                            ? "" : " (in a form that prefixes its ids)"));
                }
            }
        }
        assertTrue(!found.isEmpty() && found.stream().noneMatch(page -> page.contains("prefixes")),
                "an input with the client id " + field + ": " + found);
    }
}
