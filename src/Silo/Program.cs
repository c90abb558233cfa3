using Helpdesk.Silo.Hosting;

if (args is ["credentials", .. var command])
{
    return await CredentialCommand.RunAsync(command, Console.Out, Console.Error);
}

SiloApplication.Build(args).Run();
return 0;
