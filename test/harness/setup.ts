// Every test file: decorator metadata first (STACK.md pitfall 4).
import 'reflect-metadata';
