package org.encaisse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What managers put in processes/ and forms/ is what the engine runs: every file, nothing else. */
@EncaisseTest
class ProcessResourcesDeploymentTests {

    @Autowired
    RepositoryService repository;

    @Test
    void everyModelAndFormIsDeployed() throws IOException {
        List<String> files = modelFiles();
        List<String> deployed = repository.createDeploymentQuery().list().stream()
                .map(Deployment::getId)
                .flatMap(id -> repository.getDeploymentResourceNames(id).stream())
                .map(name -> name.replace('\\', '/'))
                .distinct()
                .toList();
        for (String file : files) {
            assertThat(deployed).as("deployed resources").anyMatch(name -> name.endsWith(file));
        }
        for (String name : deployed) {
            assertThat(files).as("files under processes/ and forms/").anyMatch(name::endsWith);
        }
    }

    private static List<String> modelFiles() throws IOException {
        assertThat(Path.of("processes")).isDirectory();
        assertThat(Path.of("forms")).isDirectory();
        try (Stream<Path> processes = Files.walk(Path.of("processes")); Stream<Path> forms = Files.walk(Path.of("forms"))) {
            return Stream.concat(processes, forms)
                    .map(path -> path.toString().replace('\\', '/'))
                    .filter(path -> !path.contains("/.") && (path.endsWith(".bpmn") || path.endsWith(".dmn") || path.endsWith(".form")))
                    .sorted()
                    .toList();
        }
    }
}
