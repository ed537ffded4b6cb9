// Every test file: decorator metadata first (type-graphql and TypeORM read it when classes are declared).
import 'reflect-metadata';
