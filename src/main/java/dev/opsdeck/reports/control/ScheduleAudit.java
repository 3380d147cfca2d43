package dev.opsdeck.reports.control;

import dev.opsdeck.audit.entity.AuditRecord;

/** The audit entry of a saved report configuration, the same whether the console or the API saved it. */
public final class ScheduleAudit {

    public static final String CREATED = "schedule.created";
    public static final String CHANGED = "schedule.changed";
    public static final String DISABLED = "schedule.disabled";

    private ScheduleAudit() {
    }

    public static AuditRecord of(ReportConfigurations.Draft draft, String action, long configurationId, String actor,
                                 String clientAddress) {
        String schedule = draft.cron() == null ? "no schedule" : "cron '" + draft.cron() + "' in " + draft.timeZone();
        return AuditRecord.of(actor, clientAddress, action, "succeeded")
                .on("report_configuration", String.valueOf(configurationId))
                .details(draft.name() + ": " + draft.type().label() + " as " + draft.format().extension() + ", "
                        + draft.parameters() + ", " + schedule + (draft.enabled() ? ", enabled" : ", disabled")
                        + (draft.recipients().isEmpty() ? "" : ", mail to " + String.join(" ", draft.recipients())
                                + " as " + draft.delivery().label()));
    }

    public static String changeAction(boolean wasEnabled, ReportConfigurations.Draft draft) {
        return wasEnabled && !draft.enabled() ? DISABLED : CHANGED;
    }
}
