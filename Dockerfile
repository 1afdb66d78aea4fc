# Builds Encaisse from this repository with its own Maven Wrapper, then runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
COPY letters/ letters/
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
# curl for the container's health check (docker-compose.yml).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 encaisse
WORKDIR /app
COPY --from=build /src/target/encaisse-*.jar /app/encaisse.jar
USER encaisse
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/encaisse.jar"]
