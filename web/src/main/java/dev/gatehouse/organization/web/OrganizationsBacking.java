package dev.gatehouse.organization.web;

import dev.gatehouse.organization.boundary.OrganizationService;
import dev.gatehouse.organization.entity.Membership;
import dev.gatehouse.organization.entity.Organization;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

@Named
@RequestScoped
public class OrganizationsBacking {

    @EJB
    OrganizationService organizations;

    private String name;
    private List<Membership> memberships;

    public String create() {
        Organization created = organizations.create(name);
        return "organization?faces-redirect=true&id=" + created.getId();
    }

    public List<Membership> getMemberships() {
        if (memberships == null) {
            memberships = organizations.mine();
        }
        return memberships;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
