package dev.recon.reporting.web;

import dev.recon.reporting.access.Permission;
import java.util.HashMap;
import java.util.Map;

/** The model every tenant page starts from: who, which tenant, the CSRF token, the menu. */
final class Page {

  private Page() {}

  static Map<String, Object> model(Guard.Viewer viewer, String title) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", title);
    m.put("tenant", viewer.tenantId());
    m.put("user", viewer.session().username());
    m.put("displayName", viewer.session().displayName());
    m.put("role", viewer.role().name());
    m.put("csrf", viewer.session().csrfToken());
    m.put("mayPropose", viewer.may(Permission.PROPOSE));
    m.put("mayApprove", viewer.may(Permission.APPROVE));
    m.put("mayAdminister", viewer.may(Permission.ADMINISTER));
    return m;
  }
}
