package org.encaisse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reshaped task list query returns what the engine's own returns: each task once even when it
 * matches through two candidate groups, newest first, page by page; an ordering on another table
 * falls back to the engine's statement.
 */
@EncaisseTest
class TaskQueryWithoutDistinctTests {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskService tasks;

    private final String first = Api.unique("queue-a");
    private final String second = Api.unique("queue-b");
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeTasks() {
        created.forEach(id -> tasks.deleteTask(id, true));
    }

    @Test
    void theEngineRunsTheReshapedStatementOnThisDatabase() {
        Map<String, String> mappings = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDbSqlSessionFactory().getStatementMappings();
        assertThat(mappings).containsEntry(TaskQueryWithoutDistinct.ENGINE_STATEMENT, TestDatabase.isMariaDb()
                ? TaskQueryWithoutDistinct.MARIADB_STATEMENT : TaskQueryWithoutDistinct.STATEMENT)
                .containsEntry(TaskQueryWithoutDistinct.ENGINE_COUNT, TaskQueryWithoutDistinct.COUNT);
    }

    @Test
    void aTaskInTwoOfTheQueuesAskedForComesOnceAndPagesDoNotOverlap() {
        for (int i = 0; i < 7; i++) {
            String id = task("Appeler le client " + i);
            tasks.addCandidateGroup(id, first);
            if (i % 2 == 0) {
                tasks.addCandidateGroup(id, second);
            }
        }
        List<Task> all = tasks.createTaskQuery().taskCandidateGroupIn(List.of(first, second)).orderByTaskCreateTime()
                .desc().list();
        assertThat(all).extracting(Task::getId).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(all).extracting(Task::getCreateTime).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(tasks.createTaskQuery().taskCandidateGroupIn(List.of(first, second)).count()).isEqualTo(7);

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            tasks.createTaskQuery().taskCandidateGroupIn(List.of(first, second)).orderByTaskCreateTime().desc()
                    .orderByTaskId().asc().listPage(page * 2, 2).forEach(task -> paged.add(task.getId()));
        }
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(tasks.createTaskQuery().taskCandidateGroup(second).list()).hasSize(4);
    }

    @Test
    void anOrderingOnAnotherTableStillWorks() {
        for (String amount : List.of("300", "100", "200")) {
            String id = task("Relance " + amount);
            tasks.addCandidateGroup(id, first);
            tasks.setVariableLocal(id, "amount", amount);
        }
        assertThat(tasks.createTaskQuery().taskCandidateGroup(first).orderByTaskVariable("amount", ValueType.STRING)
                .asc().list()).extracting(Task::getName).containsExactly("Relance 100", "Relance 200", "Relance 300");
        assertThat(tasks.createTaskQuery().taskCandidateGroup(first).orderByTaskVariable("amount", ValueType.STRING)
                .asc().count()).isEqualTo(3);
    }

    @Test
    void theCountLeavesOutWhatOnlyOrdersAndKeepsEveryCriterion() {
        for (String amount : List.of("300", "100")) {
            String id = task("Relance " + amount);
            tasks.addCandidateGroup(id, first);
            tasks.setVariableLocal(id, "amount", amount);
        }
        tasks.addCandidateGroup(task("Relance sans montant"), first);
        assertThat(tasks.createTaskQuery().taskCandidateGroup(first).orderByTaskVariable("amount", ValueType.STRING)
                .desc().count()).isEqualTo(3);
        assertThat(tasks.createTaskQuery().taskCandidateGroup(first).taskVariableValueEquals("amount", "300")
                .orderByTaskVariable("amount", ValueType.STRING).desc().count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskCandidateGroup(first).or().taskVariableValueEquals("amount", "100")
                .taskName("Relance sans montant").endOr().orderByTaskPriority().desc().count()).isEqualTo(2);
    }

    private String task(String name) {
        Task task = tasks.newTask();
        task.setName(name);
        tasks.saveTask(task);
        created.add(task.getId());
        return task.getId();
    }
}
