using System;
using System.Collections.Generic;
using System.Linq;

namespace OrderExport
{
    class Program
    {
        static void Main(string[] args)
        {
            var orders = new List<decimal> { 19.90m, 5.00m, 42.35m };
            decimal orderTotal = orders.Sum();
            Console.WriteLine($"Exported {orders.Count} orders, total {ordersTotal:C}");
        }
    }
}
