package com.acme.thumbs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Thumbnails {
    static String render(String name) {
        if (!name.endsWith(".png") && !name.endsWith(".jpg")) {
            throw new IllegalStateException("unsupported image type: " + name);
        }
        return name.replaceAll("\\.(png|jpg)$", "_thumb.$1");
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> jobs = new ArrayList<>();
        for (String f : List.of("a.png", "b.jpg", "c.webp")) {
            jobs.add(pool.submit(() -> render(f)));
        }
        try {
            for (Future<String> j : jobs) System.out.println(j.get());
        } finally {
            pool.shutdown();
        }
    }
}
