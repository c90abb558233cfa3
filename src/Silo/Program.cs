using Helpdesk.Silo.Hosting;

SiloApplication.Build(args).Run();
