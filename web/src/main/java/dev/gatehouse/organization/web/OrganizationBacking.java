package dev.gatehouse.organization.web;

import dev.gatehouse.account.entity.Account;
import dev.gatehouse.audit.entity.AuditRecord;
import dev.gatehouse.common.web.Messages;
import dev.gatehouse.organization.boundary.MembershipService;
import dev.gatehouse.organization.boundary.OrganizationService;
import dev.gatehouse.organization.entity.Membership;
import dev.gatehouse.organization.entity.Role;
import dev.gatehouse.workspace.boundary.WorkspaceService;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One organization's page. What the caller may do is decided when the page loads; the services
 * check it again on every action, so a page left open after a demotion cannot act as an admin.
 */
@Named
@ViewScoped
public class OrganizationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OrganizationService organizations;
    @EJB
    MembershipService memberships;
    @EJB
    WorkspaceService workspaces;

    private Long id;
    private Membership me;
    private List<Membership> members;
    private List<Workspace> workspaceList;
    private List<AuditRecord> auditTrail;
    private String newMember;
    private String workspaceName;

    public void load() {
        me = organizations.myMembership(id);
        members = memberships.members(id);
        workspaceList = workspaces.of(id);
        auditTrail = me.isAdmin() ? organizations.auditTrail(id) : List.of();
    }

    public void addMember() {
        Optional<Membership> added = memberships.add(id, newMember);
        String typed = newMember == null ? "" : newMember.strip();
        newMember = null;
        done(Account.isEmailAddress(typed)
                ? "If an account has the email address " + typed + ", it is a member now."
                : added.map(m -> m.getAccount().getUsername()).orElse(typed) + " is now a member.");
    }

    public void remove(Membership member) {
        memberships.remove(id, member.getId());
        done(member.getAccount().getUsername() + " is no longer a member.");
    }

    public void makeAdmin(Membership member) {
        memberships.changeRole(id, member.getId(), Role.ADMIN);
        done(member.getAccount().getUsername() + " is now an admin.");
    }

    public void makeMember(Membership member) {
        memberships.changeRole(id, member.getId(), Role.MEMBER);
        done(member.getAccount().getUsername() + " is now a member without admin rights.");
    }

    public String leave() {
        memberships.leave(id);
        return "organizations?faces-redirect=true";
    }

    public void createWorkspace() {
        Workspace created = workspaces.create(id, workspaceName);
        workspaceName = null;
        done("Workspace " + created.getName() + " created.");
    }

    private void done(String what) {
        Messages.info(what);
        load();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public boolean isLoaded() {
        return me != null;
    }

    public Membership getMe() {
        return me;
    }

    public List<Membership> getMembers() {
        return members;
    }

    public List<Workspace> getWorkspaces() {
        return workspaceList;
    }

    public List<AuditRecord> getAuditTrail() {
        return auditTrail;
    }

    public String getNewMember() {
        return newMember;
    }

    public void setNewMember(String newMember) {
        this.newMember = newMember;
    }

    public String getWorkspaceName() {
        return workspaceName;
    }

    public void setWorkspaceName(String workspaceName) {
        this.workspaceName = workspaceName;
    }
}
