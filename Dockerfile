# The silo image: one executable hosting the runtime, the grains and the API.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/Silo/Helpdesk.Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
# 8080 serves the public API; 11111 is Orleans' silo-to-silo port and 30000 its gateway port when
# Orleans__Endpoints__SiloPort and __GatewayPort set them, as docker-compose.yml does. The compose health check talks
# HTTP through bash's /dev/tcp, so keep a base image with bash (not a chiseled or Alpine one), or give the check
# another tool.
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "Helpdesk.Silo.dll"]
