package dev.gatehouse.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built Micro WAR, deployed as it is on a real Payara Micro, for black-box tests over HTTP.
 * The first test class that extends this boots the Micro (about 20 s), and the others use it
 * ({@link SharedMicro}).
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedGatehouse {

    @ArquillianResource
    URL deployed;

    /** The server's root, always on 127.0.0.1. */
    URI base;

    @Deployment(testable = false)
    static WebArchive gatehouse() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/gatehouse.war"));
    }

    @BeforeEach
    void locate() {
        base = Browser.local(deployed);
    }
}
