package org.encaisse.access;

import java.util.List;
import java.util.Map;

/** The Camunda groups Encaisse's users belong to; tasks and permissions are given to these. */
public final class Groups {

    public static final String COLLECTORS = "collectors";
    public static final String SALES = "sales";
    public static final String LOGISTICS = "logistics";
    public static final String MANAGERS = "managers";
    public static final String AUDITORS = "auditors";
    /** Camunda's own administrators group: full access to Cockpit and Admin. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Group id and its display name, French first. */
    static final Map<String, String> ALL = Map.of(
            COLLECTORS, "Chargés de recouvrement / Collectors",
            SALES, "Commerciaux / Sales",
            LOGISTICS, "Logistique / Logistics",
            MANAGERS, "Credit managers",
            AUDITORS, "Auditeurs / Auditors",
            CAMUNDA_ADMIN, "Administrateurs Camunda / Camunda administrators");

    static final List<String> WRITERS = List.of(COLLECTORS, MANAGERS);

    private Groups() {
    }

    public static String authority(String group) {
        return "GROUP_" + group;
    }
}
