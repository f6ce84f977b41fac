package app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.io.StringReader;

public class ConfigLoader {
    public static Properties load(Path file) {
        String text = Files.readString(file);
        Properties props = new Properties();
        props.load(new StringReader(text));
        return props;
    }

    public static void main(String[] args) {
        System.out.println(load(Path.of("app.properties")).getProperty("db.url"));
    }
}
