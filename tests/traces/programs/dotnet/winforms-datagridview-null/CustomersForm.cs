using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Windows.Forms;

namespace CustomerApp
{
    public class Customer
    {
        public int Id { get; set; }
        public string Name { get; set; }
        public string Email { get; set; }
    }

    public class CustomersForm : Form
    {
        private readonly DataGridView grid = new DataGridView { Dock = DockStyle.Fill };
        private List<Customer> customers;

        public CustomersForm()
        {
            Text = "Customers";
            Controls.Add(grid);
            Load += CustomersForm_Load;

            // Smoke-test mode: close the window on its own after two seconds.
            var closeTimer = new Timer { Interval = 2000 };
            closeTimer.Tick += (s, e) => Close();
            closeTimer.Start();
        }

        private async Task LoadCustomersAsync()
        {
            await Task.Delay(200); // stands in for the database query
            customers = new List<Customer>
            {
                new Customer { Id = 1, Name = "Brightside Ltd", Email = "ap@brightside.example" },
            };
        }

        private void CustomersForm_Load(object sender, EventArgs e)
        {
            LoadCustomersAsync();
            grid.DataSource = customers;
            grid.Columns["Email"].Width = 240;
        }

        [STAThread]
        static void Main()
        {
            Application.SetUnhandledExceptionMode(UnhandledExceptionMode.ThrowException);
            Application.Run(new CustomersForm());
        }
    }
}
