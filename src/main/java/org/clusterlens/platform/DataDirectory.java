package org.clusterlens.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder for derived data (search index, reports): rebuilt from the database if lost. */
@ApplicationScoped
public class DataDirectory {
    @Inject
    @ConfigProperty(name = Settings.DATA_DIR, defaultValue = Settings.DATA_DIR_DEFAULT)
    String configured;

    private Path root;

    @PostConstruct
    void create() {
        root = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }
}
