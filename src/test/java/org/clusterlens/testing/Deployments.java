package org.clusterlens.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The integration tests deploy the WAR that the build produced: what users run is what is tested. */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive application() {
        File war = new File(System.getProperty("clusterlens.war", "target/clusterlens.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
