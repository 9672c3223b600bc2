package dev.gatehouse.cache.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * Which node runs a background job of the cache, such as eviction, until when. A node takes the
 * lease with one conditional update, so that of several nodes on one database one runs the job at
 * a time; a node that dies lets its lease run out.
 */
@Entity
@Table(name = "CACHE_JOB_LEASE")
@NamedQuery(name = CacheJobLease.TAKE, query = "UPDATE CacheJobLease l SET l.holder = :holder, l.expiresAt = :until"
        + " WHERE l.job = :job AND (l.expiresAt < :now OR l.holder = :holder)")
@NamedQuery(name = CacheJobLease.RELEASE, query = "UPDATE CacheJobLease l SET l.expiresAt = :now"
        + " WHERE l.job = :job AND l.holder = :holder")
public class CacheJobLease implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Updates one row when the lease is free, expired or already the holder's. */
    public static final String TAKE = "CacheJobLease.take";
    /** Lets the lease go at once, so that a node that stops or restarts does not hold the job up. */
    public static final String RELEASE = "CacheJobLease.release";
    public static final String EVICTION = "eviction";

    @Id
    @Column(length = 40)
    private String job;

    @Column(nullable = false, length = 120)
    private String holder;

    @Column(nullable = false)
    private Instant expiresAt;

    protected CacheJobLease() {
        // for JPA
    }
}
