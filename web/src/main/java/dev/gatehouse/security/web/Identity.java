package dev.gatehouse.security.web;

import java.util.Set;

/** Who a request is from, as the container is told: a caller name and the groups that map to roles. */
record Identity(String name, Set<String> groups) {
}
