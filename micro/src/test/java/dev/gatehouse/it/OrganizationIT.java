package dev.gatehouse.it;

import static dev.gatehouse.it.Browser.fill;
import static dev.gatehouse.it.Browser.press;
import static dev.gatehouse.it.Browser.someone;
import static dev.gatehouse.it.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.Test;

/**
 * Organizations, members and workspaces through the pages, on the real Payara Micro: the admin's
 * work, the last-admin rule, members who may only look, and the services refusing what a stale or
 * foreign page asks for.
 */
class OrganizationIT extends DeployedGatehouse {




    @Test
    void anAdminCreatesAnOrganizationAddsMembersAndSetsUpAWorkspace() throws Exception {
        String alice = someone();
        String bob = someone();
        try (Browser bobs = new Browser(base); Browser alices = new Browser(base)) {
            bobs.signUp(bob);
            alices.signUp(alice);
            HtmlPage organization = alices.createOrganization("Acme " + alice);
            assertTrue(text(organization).contains("You are an admin of this organization."), text(organization));
            String organizationUrl = organization.getUrl().toString();

            organization = Browser.addMember(organization, bob);
            assertTrue(text(organization).contains(bob + " is now a member."), text(organization));

            organization = Browser.createWorkspace(organization, "web app");
            assertTrue(text(organization).contains("Workspace web app created."));
            HtmlPage workspace = organization.getAnchorByText("web app").click();
            String nxCloudId = workspace.getElementById("nxCloudId").getTextContent();
            assertEquals(24, nxCloudId.length(), nxCloudId);
            assertEquals("{ \"nxCloudId\": \"" + nxCloudId + "\" }", workspace.getElementById("nxJson").getTextContent());
            assertTrue(text(workspace).contains("Read-only or none is recommended"));

            Browser.choose(workspace, "idAccessLevel", "NONE");
            Browser.choose(workspace, "patAccessLevel", "READ_ONLY");
            workspace = press(workspace, "Save access levels");
            assertTrue(text(workspace).contains("Access levels saved: workspace ID None, personal access tokens Read-only; members' uploads trusted."),
                    text(workspace));
            HtmlPage reloaded = alices.open(workspace.getUrl().toString());
            assertTrue(((HtmlRadioButtonInput) reloaded.getByXPath("//input[@name='idAccessLevel' and @value='NONE']").get(0)).isChecked());

            HtmlPage asMember = bobs.open(workspace.getUrl().toString());
            assertTrue(text(asMember).contains("Only the organization's admins can change these settings."));
            assertTrue(asMember.getByXPath("//input[@value='Save access levels']").isEmpty());

            organization = alices.open(organizationUrl);
            String audit = organization.getElementById("audit").asNormalizedText();
            assertTrue(audit.contains("change access levels") && audit.contains("ID Read-write, PAT Read-write")
                    && audit.contains("ID None, PAT Read-only") && audit.contains("add member"), audit);

            organization = press(organization, "Remove " + bob);
            assertTrue(text(organization).contains(bob + " is no longer a member."));
            HtmlPage gone = bobs.open(organizationUrl);
            assertEquals(404, gone.getWebResponse().getStatusCode());
            assertTrue(text(gone).contains("No such organization, or you are not a member of it."));
            assertFalse(text(bobs.open("organizations")).contains("Acme " + alice));
        }
    }

    @Test
    void badInputIsExplainedAndChangesNothing() throws Exception {
        String alice = someone();
        String bob = someone();
        try (Browser bobs = new Browser(base); Browser alices = new Browser(base)) {
            bobs.signUp(bob);
            alices.signUp(alice);
            for (String name : new String[] {"", "    ", "x".repeat(101)}) {
                HtmlPage refused = alices.createOrganization(name);
                assertEquals(400, refused.getWebResponse().getStatusCode(), "name '" + name + "'");
            }
            assertTrue(text(alices.createOrganization("  ")).contains("cannot be empty or only spaces"));
            assertTrue(text(alices.open("organizations")).contains("You do not belong to any organization yet."));

            HtmlPage organization = alices.createOrganization("Acme " + alice);
            assertTrue(text(Browser.addMember(organization, "nobody-" + alice)).contains("No account has the username"));
            organization = Browser.addMember(organization, bob);
            assertTrue(text(Browser.addMember(organization, bob)).contains(bob + " is a member already."));

            HtmlPage lastAdmin = press(organization, "Make " + alice + " member");
            assertEquals(400, lastAdmin.getWebResponse().getStatusCode());
            assertTrue(text(lastAdmin).contains("An organization needs at least one admin."));
            assertTrue(text(press(alices.open(organization.getUrl().toString()), "Leave organization"))
                    .contains("An organization needs at least one admin."));
            assertTrue(text(press(alices.open(organization.getUrl().toString()), "Remove " + alice))
                    .contains("An organization needs at least one admin."));
            assertTrue(text(alices.open(organization.getUrl().toString())).contains("You are an admin of this organization."));

            assertTrue(text(Browser.createWorkspace(alices.open(organization.getUrl().toString()), " ")).contains("cannot be empty"));
            assertTrue(text(alices.open(organization.getUrl().toString())).contains("No workspaces yet."));
        }
    }

    @Test
    void theServicesRefuseAStaleAdminPageAndForeignIds() throws Exception {
        String alice = someone();
        String bob = someone();
        String carol = someone();
        String dave = someone();
        try (Browser alices = new Browser(base); Browser bobs = new Browser(base);
             Browser carols = new Browser(base); Browser daves = new Browser(base)) {
            bobs.signUp(bob);
            carols.signUp(carol);
            daves.signUp(dave);
            alices.signUp(alice);
            HtmlPage organization = alices.createOrganization("Acme " + alice);
            String organizationUrl = organization.getUrl().toString();
            organization = Browser.addMember(Browser.addMember(organization, bob), carol);
            organization = press(organization, "Make " + bob + " admin");
            HtmlPage workspace = Browser.createWorkspace(organization, "api").getAnchorByText("api").click();

            HtmlPage bobsAdminPage = bobs.open(organizationUrl);
            press(alices.open(organizationUrl), "Make " + bob + " member");
            HtmlPage refused = press(bobsAdminPage, "Remove " + carol);
            assertEquals(403, refused.getWebResponse().getStatusCode());
            assertTrue(text(refused).contains("Only the organization's admins can do this."), text(refused));
            assertTrue(text(alices.open(organizationUrl)).contains(carol + "@example.org"), "carol is still a member");

            HtmlPage foreignOrganization = daves.open(organizationUrl);
            assertEquals(404, foreignOrganization.getWebResponse().getStatusCode());
            assertFalse(text(foreignOrganization).contains("Acme"), "nothing leaked");
            HtmlPage foreignWorkspace = daves.open(workspace.getUrl().toString());
            assertEquals(404, foreignWorkspace.getWebResponse().getStatusCode());
            assertTrue(text(foreignWorkspace).contains("No such workspace, or you are not a member of its organization."));
            assertFalse(text(foreignWorkspace).contains("api"), "nothing leaked");
            assertEquals(404, daves.open("organization?id=999999999").getWebResponse().getStatusCode());
        }
    }

    @Test
    void aMemberCanLeaveAndAnAdminCanRenameAndDeleteAWorkspace() throws Exception {
        String alice = someone();
        String bob = someone();
        try (Browser alices = new Browser(base); Browser bobs = new Browser(base)) {
            bobs.signUp(bob);
            alices.signUp(alice);
            HtmlPage organization = Browser.addMember(alices.createOrganization("Acme " + alice), bob);
            String organizationUrl = organization.getUrl().toString();

            HtmlPage left = press(bobs.open(organizationUrl), "Leave organization");
            assertFalse(text(left).contains("Acme " + alice));

            HtmlPage workspace = Browser.createWorkspace(alices.open(organizationUrl), "old name").getAnchorByText("old name").click();
            fill(workspace, "Workspace name", "new name");
            workspace = press(workspace, "Rename workspace");
            assertTrue(text(workspace).contains("Workspace renamed to new name."));
            workspace = press(workspace, "Delete workspace");
            assertTrue(text(workspace).contains("Repositories using its nxCloudId lose their remote cache."));
            HtmlPage afterDelete = press(workspace, "Yes, delete this workspace");
            assertTrue(text(afterDelete).contains("No workspaces yet."), text(afterDelete));
            assertTrue(afterDelete.getElementById("audit").asNormalizedText().contains("delete workspace"));
        }
    }

    @Test
    void item15_addingByEmailSaysTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
        String alice = Browser.someone();
        String bob = Browser.someone();
        try (Browser bobs = new Browser(base); Browser alices = new Browser(base)) {
            bobs.signUp(bob);
            alices.signUp(alice);
            HtmlPage organization = alices.createOrganization("Quiet " + alice);
            String unknown = text(Browser.addMember(organization, "nobody-" + alice + "@example.org"));
            String known = text(Browser.addMember(organization, bob + "@example.org"));
            String again = text(Browser.addMember(organization, bob + "@example.org"));
            String sentence = "If an account has the email address ";
            assertTrue(unknown.contains(sentence + "nobody-" + alice + "@example.org, it is a member now."), unknown);
            assertTrue(known.contains(sentence + bob + "@example.org, it is a member now."), known);
            assertTrue(again.contains(sentence + bob + "@example.org, it is a member now."), again);
            assertTrue(known.contains(bob), "the member list shows who was added");
        }
    }
}
