package dev.gatehouse.workspace.web;

import dev.gatehouse.common.web.Messages;
import dev.gatehouse.organization.boundary.OrganizationService;
import dev.gatehouse.workspace.boundary.WorkspaceService;
import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** One workspace's page: its id, the nx.json snippet, and the settings admins may change. */
@Named
@ViewScoped
public class WorkspaceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    WorkspaceService workspaces;
    @EJB
    OrganizationService organizations;

    private Long id;
    private Workspace workspace;
    private boolean admin;
    private AccessLevel idAccessLevel;
    private AccessLevel patAccessLevel;
    private boolean membersUploadsTrusted;
    private String name;
    private boolean confirmingDelete;

    public void load() {
        workspace = workspaces.find(id);
        admin = organizations.myMembership(workspace.getOrganization().getId()).isAdmin();
        idAccessLevel = workspace.getIdAccessLevel();
        patAccessLevel = workspace.getPatAccessLevel();
        membersUploadsTrusted = workspace.isMembersUploadsTrusted();
        name = workspace.getName();
    }

    public void saveLevels() {
        workspace = workspaces.changeLevels(id, idAccessLevel, patAccessLevel);
        if (membersUploadsTrusted != workspace.isMembersUploadsTrusted()) {
            workspace = workspaces.trustMembersUploads(id, membersUploadsTrusted);
        }
        Messages.info("Access levels saved: workspace ID " + workspace.getIdAccessLevel().label()
                + ", personal access tokens " + workspace.getPatAccessLevel().label() + "; members' uploads "
                + (workspace.isMembersUploadsTrusted() ? "trusted." : "untrusted."));
    }

    public void rename() {
        workspace = workspaces.rename(id, name);
        Messages.info("Workspace renamed to " + workspace.getName() + ".");
    }

    public void askToDelete() {
        confirmingDelete = true;
    }

    public void cancelDelete() {
        confirmingDelete = false;
    }

    public String delete() {
        workspaces.delete(id);
        return "organization?faces-redirect=true&id=" + workspace.getOrganization().getId();
    }

    public List<AccessLevel> getIdLevels() {
        return AccessLevel.BY_ID;
    }

    public List<AccessLevel> getPatLevels() {
        return AccessLevel.BY_TOKEN;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Workspace getWorkspace() {
        return workspace;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isConfirmingDelete() {
        return confirmingDelete;
    }

    public AccessLevel getIdAccessLevel() {
        return idAccessLevel;
    }

    public void setIdAccessLevel(AccessLevel idAccessLevel) {
        this.idAccessLevel = idAccessLevel;
    }

    public AccessLevel getPatAccessLevel() {
        return patAccessLevel;
    }

    public void setPatAccessLevel(AccessLevel patAccessLevel) {
        this.patAccessLevel = patAccessLevel;
    }

    public boolean isMembersUploadsTrusted() {
        return membersUploadsTrusted;
    }

    public void setMembersUploadsTrusted(boolean membersUploadsTrusted) {
        this.membersUploadsTrusted = membersUploadsTrusted;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
