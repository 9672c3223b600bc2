package dev.gatehouse.organization.entity;

import dev.gatehouse.common.entity.Names;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A group of people who share workspaces. Its members and their roles are {@link Membership}s. */
@Entity
@Table(name = "ORGANIZATION")
public class Organization implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @Column(nullable = false, length = Names.MAX)
    private String name;

    @Column(nullable = false)
    private Instant createdAt;

    protected Organization() {
        // for JPA
    }

    public Organization(String name, Instant createdAt) {
        this.name = Names.require(name);
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
