using System;
using System.Collections.Generic;

namespace CustomerSync
{
    class Customer
    {
        public int Id { get; set; }
        public string Name { get; set; }
        public Address Billing { get; set; }
    }

    class Address
    {
        public string City { get; set; }
    }

    class Program
    {
        static string CityOf(Customer c) => c.Billing.City.ToUpperInvariant();

        static void Main()
        {
            var customers = new List<Customer>
            {
                new Customer { Id = 1, Name = "Brightside Ltd", Billing = new Address { City = "Leeds" } },
                new Customer { Id = 2, Name = "Northwind Traders" },
            };
            foreach (var c in customers)
                Console.WriteLine($"{c.Id,3} {c.Name,-20} {CityOf(c)}");
        }
    }
}
