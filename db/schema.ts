import * as activity from "./schema/activity";
import * as audit from "./schema/audit";
import * as bulkExports from "./schema/bulk-exports";
import * as careTeam from "./schema/care-team";
import * as caseloadRanks from "./schema/caseload-ranks";
import * as adherenceSummaries from "./schema/adherence-summaries";
import * as changeMarks from "./schema/change-marks";
import * as checkIns from "./schema/check-ins";
import * as clearance from "./schema/clearance";
import * as clinicSettings from "./schema/clinic-settings";
import * as clinicalEvents from "./schema/clinical-events";
import * as diagnoses from "./schema/diagnoses";
import * as emergencyAccess from "./schema/emergency-access";
import * as episodes from "./schema/episodes";
import * as exams from "./schema/exams";
import * as patients from "./schema/patients";
import * as plans from "./schema/plans";
import * as redFlags from "./schema/red-flags";
import * as sessions from "./schema/sessions";
import * as therapySessions from "./schema/therapy-sessions";
import * as twoFactor from "./schema/two-factor";
import * as outcomes from "./schema/outcomes";
import * as questionnaires from "./schema/questionnaires";
import * as users from "./schema/users";
import * as walkRun from "./schema/walk-run";

/** Every table, for drizzle's relational queries. Import tables from their own files. */
export const schema = { ...users, ...patients, ...careTeam, ...episodes, ...audit, ...sessions, ...emergencyAccess, ...exams, ...redFlags, ...diagnoses, ...clearance, ...plans, ...checkIns, ...activity, ...therapySessions, ...clinicSettings, ...clinicalEvents, ...twoFactor, ...questionnaires, ...walkRun, ...outcomes, ...bulkExports, ...changeMarks, ...caseloadRanks, ...adherenceSummaries };
