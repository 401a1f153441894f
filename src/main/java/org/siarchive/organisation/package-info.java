/**
 * Organisation: the tree of social-insurance agencies (province → city → county agency) that data
 * scope follows (集中管理、分级负责). Each unit has a materialised path of ids from the root, so "this
 * unit and everything below it" is a prefix match inside SQL.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Organisation",
        allowedDependencies = {"audit", "shared"})
package org.siarchive.organisation;

import org.jspecify.annotations.NullMarked;
