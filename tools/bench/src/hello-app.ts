import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/**
 * The reference of the API benchmarks: a bare NestJS app with one JSON route and nothing
 * else (no guard, pipes, helmet or database), run as its own process like the API.
 * `HELLO_ADAPTER=express|fastify`, `PORT`. The gap between it and a real route is what
 * the application itself costs.
 */
@Controller()
class HelloController {
  @Get('hello')
  hello(): { hello: string } {
    return { hello: 'world' };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

async function main(): Promise<void> {
  const adapter =
    process.env.HELLO_ADAPTER === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  const app = await NestFactory.create(HelloModule, adapter, { logger: ['error', 'warn'] });
  await app.listen(Number(process.env.PORT ?? 3999), '127.0.0.1');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
