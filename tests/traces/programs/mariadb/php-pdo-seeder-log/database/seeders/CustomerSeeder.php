<?php
final class CustomerSeeder
{
    public function run(PDO $db): void
    {
        $db->exec("INSERT INTO customers VALUES (1, 'ana@example.org'), (2, 'ben@example.org')");
    }
}
