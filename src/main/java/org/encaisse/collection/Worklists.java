package org.encaisse.collection;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.encaisse.access.Groups;

/**
 * The saved filters of Tasklist, one list per team and what it is for, in the order Tasklist shows them. Written
 * into the engine at each start by {@link WorklistFilters}, like the permission matrix: a filter changed here is
 * changed in every install, and each is seen only by the groups named here (and Camunda's administrators).
 * They are plain Camunda saved filters, changed here rather than in Tasklist's filter dialog, which cannot show the
 * "unassigned or mine" condition and would drop it on saving.
 */
final class Worklists {

    /** What a card shows under the task's name; the values are the task's own, kept current by {@link TaskHeadlines}. */
    static final List<Map<String, String>> CARD = List.of(
            Map.of("name", TaskHeadline.CUSTOMER_NAME, "label", "Client"),
            Map.of("name", TaskHeadline.OVERDUE_AMOUNT, "label", "Échu (€)"),
            Map.of("name", TaskHeadline.DAYS_LATE, "label", "Jours de retard"),
            Map.of("name", TaskHeadline.REMINDER_LEVEL, "label", "Niveau"));

    /** Unassigned tasks of the user's groups, and the ones the user claimed: never a colleague's claimed task. */
    private static final String MY_GROUPS = "${currentUserGroups()}";
    private static final String ME = "${currentUser()}";
    private static final String END_OF_TODAY = "${collectionCalendar.endOfToday()}";

    /**
     * One saved filter. {@code key} identifies it across starts and renames; {@code groups} may read it.
     * {@code card}: the task variables its cards show.
     */
    record Worklist(String key, String name, String description, int order, String color, List<String> groups,
                    Function<TaskService, TaskQuery> query, List<Map<String, String>> card) {
    }

    static final List<Worklist> ALL = List.of(
            new Worklist("calls-today", "Mes appels du jour",
                    "My calls for today: the customers to call today or overdue, highest stakes first",
                    10, "#b3261e", List.of(Groups.COLLECTORS),
                    tasks -> mineOrMyGroups(tasks).taskDefinitionKey("Task_CallCustomer")
                            .dueBeforeExpression(END_OF_TODAY)
                            .orderByTaskPriority().desc()
                            .orderByTaskVariable(TaskHeadline.OVERDUE_AMOUNT, ValueType.DOUBLE).desc(),
                    CARD),
            new Worklist("promises", "Promesses à vérifier",
                    "Promises to check: customers who promised to pay and did not, to call again",
                    20, "#e8710a", List.of(Groups.COLLECTORS),
                    tasks -> mineOrMyGroups(tasks).processDefinitionKey(CaseVariables.PROCESS)
                            .taskVariableValueEquals(TaskHeadline.BROKEN_PROMISE, true)
                            .orderByTaskPriority().desc().orderByDueDate().asc(),
                    CARD),
            new Worklist("pre-due", "Avant échéance",
                    "Before the due date: courtesy calls on large invoices not yet due",
                    30, "#1a73e8", List.of(Groups.COLLECTORS),
                    tasks -> mineOrMyGroups(tasks).taskDefinitionKey("Task_CallBeforeDueDate")
                            .orderByDueDate().asc().orderByTaskPriority().desc(),
                    List.of(CARD.get(0))),
            new Worklist("bank-matching", "Paiements à rapprocher",
                    "Payments to match: transfers the bank statement brought that no rule could tie to a customer",
                    35, "#00796b", List.of(Groups.COLLECTORS),
                    tasks -> mineOrMyGroups(tasks).taskDefinitionKey("Task_MatchPayment").orderByDueDate().asc(),
                    List.of()),
            new Worklist("disputes", "Litiges à trancher",
                    "Disputes to settle: invoices a customer contests, routed to the team that can decide",
                    40, "#7b1fa2", List.of(Groups.SALES, Groups.LOGISTICS, Groups.COLLECTORS),
                    tasks -> mineOrMyGroups(tasks).taskDefinitionKey("Task_ResolveDispute").orderByDueDate().asc(),
                    List.of(CARD.get(0))),
            new Worklist("decisions", "Décisions à prendre",
                    "Decisions to make: delivery blocks, agency or court, payment plans, insurance declarations, claims near limitation",
                    50, "#0b8043", List.of(Groups.MANAGERS),
                    tasks -> mineOrMyGroups(tasks).orderByTaskPriority().desc().orderByDueDate().asc(),
                    CARD),
            new Worklist("mine", "Toutes mes tâches",
                    "All my tasks: every task of my teams not claimed by a colleague, soonest due first",
                    60, "#5f6368", List.of(Groups.COLLECTORS, Groups.SALES, Groups.LOGISTICS, Groups.MANAGERS),
                    tasks -> mineOrMyGroups(tasks).orderByDueDate().asc().orderByTaskPriority().desc(),
                    List.of()),
            new Worklist("overdue", "Tâches en retard",
                    "Overdue tasks: every team's tasks past their due date, for auditors and administrators",
                    70, "#202124", List.of(Groups.AUDITORS),
                    tasks -> tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
                    List.of()),
            new Worklist("all", "Toutes les tâches",
                    "All tasks, of every team: for Camunda's administrators only",
                    90, "#9aa0a6", List.of(),
                    tasks -> tasks.createTaskQuery().orderByTaskCreateTime().desc(),
                    List.of()));

    /** The name Camunda's own start-up filter had: an install that has it gets it back as "all". */
    static final String FORMER_ALL_TASKS = "Toutes les tâches / All tasks";

    private Worklists() {
    }

    private static TaskQuery mineOrMyGroups(TaskService tasks) {
        return tasks.createTaskQuery().or().taskAssigneeExpression(ME).taskCandidateGroupInExpression(MY_GROUPS).endOr();
    }
}
