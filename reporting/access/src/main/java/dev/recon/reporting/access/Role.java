package dev.recon.reporting.access;

import java.util.EnumSet;
import java.util.Set;

/** A user's role in one tenant. */
public enum Role {
  VIEWER(EnumSet.of(Permission.READ)),
  ANALYST(EnumSet.of(Permission.READ, Permission.PROPOSE)),
  APPROVER(EnumSet.of(Permission.READ, Permission.PROPOSE, Permission.APPROVE)),
  // Administration is kept apart from approval: whoever creates users cannot also approve.
  ADMIN(EnumSet.of(Permission.READ, Permission.ADMINISTER));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public boolean allows(Permission permission) {
    return permissions.contains(permission);
  }
}
