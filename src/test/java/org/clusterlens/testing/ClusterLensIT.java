package org.clusterlens.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test against the real WAR in Payara Micro, the one {@link SharedDeployment} of
 * the run, whose address it finds in its {@link ServerUrl} field. Disabled, with the reason, when
 * the run's database cannot be reached and was not required (a laptop without PostgreSQL).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({ClusterLensIT.DatabaseAvailable.class, SharedDeployment.class})
public @interface ClusterLensIT {

    class DatabaseAvailable implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String reason = System.getProperty(ItEnvironment.SKIP_REASON);
            return reason == null ? ConditionEvaluationResult.enabled("database ready")
                    : ConditionEvaluationResult.disabled(reason);
        }
    }
}
