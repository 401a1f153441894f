package org.siarchive.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Actor;
import org.siarchive.support.ProductionClasses;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The actor of a request comes from the authenticated principal (an account, or {@code client:<name>} for
 * an API token) through the {@code Access} argument; a controller that builds its own {@link Actor} audits
 * someone who did not act (finding 7 of issue 12: {@code local-operator} instead of the token's client).
 */
class RequestActorRuleTest {

    @Test
    void controllersNeverBuildTheirOwnActor() {
        var classes = ProductionClasses.get();
        DescribedPredicate<JavaConstructorCall> buildsAnActor = DescribedPredicate.describe(
                "a new Actor", call -> call.getTargetOwner().isEquivalentTo(Actor.class));
        noClasses()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .callConstructorWhere(buildsAnActor)
                .because("the audit actor is the authenticated caller (docs/adr/0031)")
                .check(classes);
    }
}
