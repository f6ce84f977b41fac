package com.acme.users;

import java.util.List;
import java.util.Optional;

public class UserLookup {
    record User(long id, String email) {}

    static final List<User> USERS = List.of(new User(1, "a@acme.test"), new User(2, "b@acme.test"));

    static Optional<User> byEmail(String email) {
        return USERS.stream().filter(u -> u.email().equals(email)).findFirst();
    }

    public static void main(String[] args) {
        User u = byEmail("B@acme.test").get();
        System.out.println("found user " + u.id());
    }
}
