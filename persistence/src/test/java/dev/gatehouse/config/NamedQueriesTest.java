package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Every named query of every entity compiles against the entities as they are: a renamed field
 * fails here, in a second, instead of in the first request that runs the query on a server.
 */
class NamedQueriesTest {

    @Test
    void everyNamedQueryCompiles() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:named-queries;DB_CLOSE_DELAY=-1");
        EntityManagerFactory factory = TestDatabases.eclipseLink(database);
        try {
            EntityManager manager = factory.createEntityManager();
            List<String> compiled = new ArrayList<>();
            for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
                for (NamedQuery query : entity.getJavaType().getAnnotationsByType(NamedQuery.class)) {
                    assertNotNull(manager.createNamedQuery(query.name()), query.name());
                    compiled.add(query.name());
                }
            }
            assertTrue(compiled.size() >= 30, "the entities' named queries were found: " + compiled);
            manager.close();
        } finally {
            factory.close();
        }
    }
}
