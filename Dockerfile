# Builds Encaisse from this repository with its own Maven Wrapper, then runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 encaisse
WORKDIR /app
COPY --from=build /src/target/encaisse-*.jar /app/encaisse.jar
USER encaisse
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/encaisse.jar"]
