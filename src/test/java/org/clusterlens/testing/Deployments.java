package org.clusterlens.testing;

import org.clusterlens.platform.FailingResource;
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

    /**
     * What {@link SharedDeployment} deploys: the application as ROOT.war, where Payara serves /health
     * and /metrics inside ClusterLens' own web module as in production, plus one endpoint that fails
     * on purpose (RobustnessIT reads what a caller gets when a bug happens).
     */
    static WebArchive shared() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(application()).addClass(FailingResource.class);
    }
}
