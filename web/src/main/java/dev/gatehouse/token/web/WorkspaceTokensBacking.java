package dev.gatehouse.token.web;

import dev.gatehouse.common.web.Messages;
import dev.gatehouse.token.boundary.WorkspaceTokenService;
import dev.gatehouse.token.entity.WorkspaceAccessToken;
import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.web.WorkspaceBacking;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The workspace page's access tokens for CI, admins only. */
@Named
@ViewScoped
public class WorkspaceTokensBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    WorkspaceTokenService tokens;

    @Inject
    WorkspaceBacking workspace;

    @Inject
    IssuedSecret issued;

    private List<WorkspaceAccessToken> list;
    private String name;
    private AccessLevel level = AccessLevel.READ_ONLY;

    public List<WorkspaceAccessToken> getList() {
        if (list == null) {
            list = tokens.of(workspace.getId());
        }
        return list;
    }

    public void create() {
        issued.set(tokens.issue(workspace.getId(), name, level).secret());
        name = null;
        list = null;
    }

    public void revoke(WorkspaceAccessToken token) {
        tokens.revoke(workspace.getId(), token.getId());
        list = null;
        Messages.info("Workspace access token " + token.getName() + " revoked.");
    }

    public List<AccessLevel> getLevels() {
        return AccessLevel.BY_TOKEN;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public AccessLevel getLevel() {
        return level;
    }

    public void setLevel(AccessLevel level) {
        this.level = level;
    }
}
